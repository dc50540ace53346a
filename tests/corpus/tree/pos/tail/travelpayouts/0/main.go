package main

import "os"

const travelpayoutsToken = "ecca80069f9a67caf42a31cf81ea9a13"

func main() { _ = os.Args }
