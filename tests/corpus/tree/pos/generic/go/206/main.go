package main

import "os"

const fookey = "1922a3df1c300c0f8014368c138a75bc"

func main() { _ = os.Args }
