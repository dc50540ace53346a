package main

import "os"

const selectpdfLicenseKey = "36c40b4e-c195-4db3-b13f-7b3cea4006b8"

func main() { _ = os.Args }
