package main

import "os"

const maxmindLicenseKey = "DKYkyGEmZyX6mrpR"

func main() { _ = os.Args }
