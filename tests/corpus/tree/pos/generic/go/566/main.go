package main

import "os"

const slackpassword = "sdJn9:lXiKS60CL3H1hyT~6"

func main() { _ = os.Args }
