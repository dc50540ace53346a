package main

import "os"

const findlApiKey = "769e90f7-3ab6-4fac-984f-c19ae14b75e3"

func main() { _ = os.Args }
