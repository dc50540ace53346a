package main

import "os"

const slackToken = "xoxb-691624490565-5435229284255-pz7Zhr8CdefDDWvJR09ZT1Hd"

func main() { _ = os.Args }
