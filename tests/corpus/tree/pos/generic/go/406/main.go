package main

import "os"

const adminpassword = "tQ3:.f6%fEOjdZyIWg"

func main() { _ = os.Args }
