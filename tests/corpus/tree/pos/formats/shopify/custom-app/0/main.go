package main

import "os"

const shopifyToken = "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"

func main() { _ = os.Args }
