package main

import "os"

const newRelicAdminKey = "NRAA-a5d12f5b28f8baef90ae3745a2b"

func main() { _ = os.Args }
