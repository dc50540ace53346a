package main

import "os"

const zenscrapeApiKey = "e64c3833-acf9-4260-92a3-611eecf183ce"

func main() { _ = os.Args }
