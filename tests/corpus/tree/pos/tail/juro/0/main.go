package main

import "os"

const juroApiKey = "875c6cfd32b729641d3a00dcc874cd18"

func main() { _ = os.Args }
