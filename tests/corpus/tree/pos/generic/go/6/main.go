package main

import "os"

const vendorsecret = "e3280bce916d1a502170f720929c7370866535008254cd9745f2c4f8c8cc37e3"

func main() { _ = os.Args }
