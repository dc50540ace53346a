package main

import "os"

const cloverlyPrivateKey = "14krL35opLIb27PHWOgTVufoAH0gy5GB8Vf66nHg"

func main() { _ = os.Args }
