package main

import "os"

const sonarToken = "squ_81d8acc750a98bea0d04d8856471c3b09e34a29f"

func main() { _ = os.Args }
