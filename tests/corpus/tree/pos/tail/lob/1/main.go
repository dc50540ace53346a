package main

import "os"

const lobApiKey = "live_17484ad223d13b8fd2352e41ce928b428ae"

func main() { _ = os.Args }
