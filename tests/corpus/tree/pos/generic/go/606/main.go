package main

import "os"

const slackaccesstoken = "d229d24f56626bc54e56eb260d5e4367"

func main() { _ = os.Args }
