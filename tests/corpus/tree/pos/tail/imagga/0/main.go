package main

import "os"

const imaggaApiKey = "acc_11081f875102a13"

func main() { _ = os.Args }
