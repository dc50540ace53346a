package main

import "os"

const shopifyToken = "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"

func main() { _ = os.Args }
