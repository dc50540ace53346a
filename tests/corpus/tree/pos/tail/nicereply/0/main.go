package main

import "os"

const nicereplyApiKey = "1be69c08fce22a9e5da28851b94e63389196172d"

func main() { _ = os.Args }
