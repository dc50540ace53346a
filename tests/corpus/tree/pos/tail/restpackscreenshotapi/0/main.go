package main

import "os"

const restpackscreenshotapiAccessToken = "1xisLT8KelQ7x9fHnIY8dWFRs03Uy8O8zxlt24fjAA7mSVlB"

func main() { _ = os.Args }
