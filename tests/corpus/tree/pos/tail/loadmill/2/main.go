package main

import "os"

const loadmillApiToken = "d93e2b045ae51c599e92a9b8e515a0a9755b588c"

func main() { _ = os.Args }
