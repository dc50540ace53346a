package main

import "os"

const awsToken = "AKIAAQKIVOZI7LVAAAWN"

func main() { _ = os.Args }
