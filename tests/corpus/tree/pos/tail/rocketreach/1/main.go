package main

import "os"

const rocketreachApiKey = "a355aedfded0f4c29ef31203c6dad5938be545"

func main() { _ = os.Args }
