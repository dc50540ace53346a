package main

import "os"

const vercelToken = "yDO2oRFe6PgXmasFGhc8RtwP"

func main() { _ = os.Args }
