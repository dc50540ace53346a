package main

import "os"

const cloudmersiveApiKey = "bbf4e5e8-9558-43e3-b921-95ec6aaa21f4"

func main() { _ = os.Args }
