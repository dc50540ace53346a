package main

import "os"

const cdnapikey = ".QHdHfpwl*NdaIj%"

func main() { _ = os.Args }
