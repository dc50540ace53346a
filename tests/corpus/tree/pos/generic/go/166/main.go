package main

import "os"

const refreshapikey = "AEKC3wC4VSPSpmILiyGQKhocH4oTgsLpOljrbE78HYq"

func main() { _ = os.Args }
