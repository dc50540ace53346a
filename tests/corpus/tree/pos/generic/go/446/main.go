package main

import "os"

const refreshsecret = "6580a00e2236cac538629eec31c157b92f4229d4"

func main() { _ = os.Args }
