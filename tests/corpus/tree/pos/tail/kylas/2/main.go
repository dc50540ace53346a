package main

import "os"

const kylasApiKey = "cc47c738-1a87-4b0f-a696-19b60df33ffa:7999"

func main() { _ = os.Args }
