package main

import "os"

const botaccesstoken = "sNhmP24zH943l6wPYopvfCdXXa60HBiwqOh7"

func main() { _ = os.Args }
