package main

import "os"

const gitlabToken = "glpat-Gr84TpDNXabcNag5NDLo"

func main() { _ = os.Args }
