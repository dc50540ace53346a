package main

import "os"

const gitlabToken = "glpat-hxyz3sfJcYa7aPpwGAr0"

func main() { _ = os.Args }
