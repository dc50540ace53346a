package main

import "os"

const slackToken = "xoxb-412794861451-9948700235497-CmO3RXYBQf5tSEDBzrT123YO"

func main() { _ = os.Args }
