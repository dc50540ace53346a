package main

import "os"

const uriBasicAuthUrl = "https://ssqkga:KQWikCpNjxO6hy2aUDQL@glifgvmu.internal/api"

func main() { _ = os.Args }
