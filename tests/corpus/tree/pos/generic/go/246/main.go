package main

import "os"

const cdnpassword = "6I9q8jpKtNVoumdFuZ9Nf/gfq8NCCVW9wBQomKjt"

func main() { _ = os.Args }
