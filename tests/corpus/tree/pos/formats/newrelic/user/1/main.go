package main

import "os"

const newRelicApiKey = "NRAK-HEL4UTGBX054TJYWQKFFHC6HNAK"

func main() { _ = os.Args }
