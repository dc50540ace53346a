package main

import "os"

const cliengoApiKey = "e1763969-06fb-460c-896a-2a98e5bc68e1"

func main() { _ = os.Args }
