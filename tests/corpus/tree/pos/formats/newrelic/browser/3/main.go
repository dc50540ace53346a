package main

import "os"

const newRelicBrowserKey = "NRJS-6f45b8241855cee8e7b"

func main() { _ = os.Args }
