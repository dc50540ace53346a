package main

import "os"

const workstackApiToken = "sn6REGHLWO0giu5jpJp5mOQZaSHiyFaai4xakJcf8Jmp8sqF4lFgXSA2EZ00"

func main() { _ = os.Args }
