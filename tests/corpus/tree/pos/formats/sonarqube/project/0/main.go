package main

import "os"

const sonarToken = "sqp_b103670e6ade8e39f361aa157a0016b8b394660b"

func main() { _ = os.Args }
