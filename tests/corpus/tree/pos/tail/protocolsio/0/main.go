package main

import "os"

const protocolsioAccessToken = "4aae9d4eacfa0654807b12d06c814c58f30f7361bd25d1a7ce4d0c35c7f899ac"

func main() { _ = os.Args }
