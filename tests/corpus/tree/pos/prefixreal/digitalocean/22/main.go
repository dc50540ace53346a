package main

import "os"

const digitaloceanToken = "dop_v1_f30f04486d5a95c34c445b16eb5baaa4728e9b2f493378ff3f2ca5d9928c5d71"

func main() { _ = os.Args }
