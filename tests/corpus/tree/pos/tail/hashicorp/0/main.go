package main

import "os"

const hashicorpTfcToken = "pj5WuCcwLU0exR.atlasv1.k2nGHof6I8MOBRoNLEIxiXviAgrUdsIT3sneSw6I4j6E6Dx2HnHOCcRTqS2oUwTDO1T"

func main() { _ = os.Args }
