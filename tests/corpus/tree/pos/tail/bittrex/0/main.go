package main

import "os"

const bittrexApiSecret = "16c058004cf7f3c95ee8bb6126132cd2"

func main() { _ = os.Args }
