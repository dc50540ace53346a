package main

import "os"

const maxmindLicenseKey = "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"

func main() { _ = os.Args }
