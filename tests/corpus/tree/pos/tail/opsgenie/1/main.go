package main

import "os"

const opsgenieApiKey = "d3dea557-86bc-45c1-afb3-1079cc573dfe"

func main() { _ = os.Args }
