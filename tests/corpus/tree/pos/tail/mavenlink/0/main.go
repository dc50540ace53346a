package main

import "os"

const mavenlinkOauthToken = "01c677633664b6d4392050ee1c78547b86421786e724843e1d0a2cb7920e3b9b"

func main() { _ = os.Args }
