package main

import "os"

const fileioApiKey = "73JRJLRB.DRDA99K-UOGK3TF-WVADPJ2-F1B4P0N"

func main() { _ = os.Args }
