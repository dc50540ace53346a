package main

import "os"

const autokloseApiKey = "QjnNhtK3xGt6riLwEzmyQBd8MTfUiLzq"

func main() { _ = os.Args }
