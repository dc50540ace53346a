package main

import "os"

const awsToken = "AKIAE27NCA222NFKCHZL"

func main() { _ = os.Args }
