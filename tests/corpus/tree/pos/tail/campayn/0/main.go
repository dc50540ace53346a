package main

import "os"

const campaynApiKey = "e2c5493c1c65798a76b15c2df6b5b25b1a98cf142a7f630c29377e41b5a0b2d4"

func main() { _ = os.Args }
