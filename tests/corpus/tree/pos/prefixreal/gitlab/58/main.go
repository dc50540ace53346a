package main

import "os"

const gitlabToken = "glpat-z0L-miazzz8IglHaAJmj"

func main() { _ = os.Args }
