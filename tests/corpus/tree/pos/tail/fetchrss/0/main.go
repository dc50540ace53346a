package main

import "os"

const fetchrssApiToken = "5O525cMvHYX0JVRr1jjor3JSJcYzMsdk.408509511"

func main() { _ = os.Args }
