package main

import "os"

const uploadkey = "HYnAORevQJew2sf15TC5M0HuCIscOL2DAk"

func main() { _ = os.Args }
