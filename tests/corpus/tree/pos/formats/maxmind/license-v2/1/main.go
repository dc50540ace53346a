package main

import "os"

const maxmindLicenseKey = "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"

func main() { _ = os.Args }
