package main

import "os"

const sonarToken = "squ_6bba131b53977b78b92b10a2abbb021c637196e7"

func main() { _ = os.Args }
