package main

import "os"

const shopifyPassword = "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"

func main() { _ = os.Args }
