package main

import "os"

const thingsboardDeviceToken = "i5ercDqVtbCgxQPU9gxP"

func main() { _ = os.Args }
