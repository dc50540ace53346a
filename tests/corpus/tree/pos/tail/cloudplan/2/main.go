package main

import "os"

const cloudplanApiKey = "f7a803c0ad6ad3fc28d83934ca7ac5d8"

func main() { _ = os.Args }
