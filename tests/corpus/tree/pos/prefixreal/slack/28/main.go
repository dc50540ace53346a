package main

import "os"

const slackToken = "xoxb-249461090359-2206267600888-fS2789oXpLD79sqC4nb2QKXm"

func main() { _ = os.Args }
