package main

import "os"

const openuvAccessToken = "openuv-r5sh8c4j2z2evz-io"

func main() { _ = os.Args }
