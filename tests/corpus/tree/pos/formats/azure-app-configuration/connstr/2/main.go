package main

import "os"

const appConfigConnectionString = "Endpoint=https://cfg-shopzqtq.azconfig.io;Id=56hf-rq-sl:eHEAHtAz2Vti2ase1FWC;Secret=IK5KhHBsSACH7TjvQk7+/1+itiDDU5yt3XGBKPViTp4="

func main() { _ = os.Args }
