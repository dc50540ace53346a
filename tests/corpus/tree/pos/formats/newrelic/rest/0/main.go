package main

import "os"

const newRelicRestApiKey = "NRRA-729e9c6eac37f8016801820c321cc33a4525b5d192"

func main() { _ = os.Args }
