package main

import "os"

const prodpadApiKey = "be8c596d4d37adbf5a12e1c2eece27c3c3816a775078c23c819d79bbaaff899a"

func main() { _ = os.Args }
