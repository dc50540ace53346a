package main

import "os"

const freemiusSecretKey = "sk_IWNnNb5r-V8wmvEk6wo0js-5AZ7sv"

func main() { _ = os.Args }
