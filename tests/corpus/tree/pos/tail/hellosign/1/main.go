package main

import "os"

const hellosignApiKey = "90ee704c55a4054241cdd83ccee2e1db34204de6443841658335ede41a694518"

func main() { _ = os.Args }
