package main

import "os"

const authsecret = "BXc2KwaeEsm4btlvX2yXcQ7d5ndEyqYSRHTDndCp"

func main() { _ = os.Args }
