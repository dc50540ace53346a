package main

import "os"

const admintoken = "0324fc4454941ca74d6c21df77ed72d982d10481"

func main() { _ = os.Args }
