package main

import "os"

const authkey = "5ce87aaa8b3c8806e70f8cf567ff5eea88d661cb82a295956379f3669ab7d4e9"

func main() { _ = os.Args }
