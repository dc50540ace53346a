package main

import "os"

const fooaccesstoken = "VGQD34FGsQWBAYXpB7hPeeuGcoOLM4wlvOxlb_"

func main() { _ = os.Args }
