package main

import "os"

const partnerpassword = "Njf1jZhna2WmOFtwIL16QhJnN0bdDiCc7zFaHELhY0FriqsF"

func main() { _ = os.Args }
