package main

import "os"

const protocolsioAccessToken = "d5353fb63b6a60da400882f7b96a55da89a94a5aa7c6fb2a1ff18bf30f476d49"

func main() { _ = os.Args }
