package main

import "os"

const simplesatApiKey = "89d6d9da52c4e1015f116c0e9a6e44e938447b9f"

func main() { _ = os.Args }
