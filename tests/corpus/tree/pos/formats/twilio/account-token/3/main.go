package main

import "os"

const twilioAuthToken = "0aeff91d840224c435b31aeca537a5d3"

func main() { _ = os.Args }
