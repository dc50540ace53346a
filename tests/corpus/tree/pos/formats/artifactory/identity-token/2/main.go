package main

import "os"

const jfrogAccessToken = "cmVmdGtuOjAxOjE3nBnLGWsKvzDdSgCQ0r5Avhc1N0QacCgC3tUgmm3VGGQmIO"

func main() { _ = os.Args }
