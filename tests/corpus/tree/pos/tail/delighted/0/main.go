package main

import "os"

const delightedApiKey = "XR3O1Nx0n97fltMtP50bb1vxRXks1QVB"

func main() { _ = os.Args }
