package main

import "os"

const clickhouseKeySecret = "4b1d5o1LRciTh7MhtLgeQNOdvbwX51uIZ72cEEJxAk"

func main() { _ = os.Args }
