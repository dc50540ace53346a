package main

import "os"

const convertkitApiSecret = "mb8tqTfm1zp5eoHgJo1cXERmkIkQq5Pb8N7eOfIEsRQ"

func main() { _ = os.Args }
