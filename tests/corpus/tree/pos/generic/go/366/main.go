package main

import "os"

const authkey = "GZ%ZVX2:A:4H4aViIDIaROr"

func main() { _ = os.Args }
