package main

import "os"

const digitaloceanToken = "dop_v1_0f2111b17ee406b614467a3381c0d1d64e9337d1eddf196133a979bbe80afa84"

func main() { _ = os.Args }
