package main

import "os"

const gitlabToken = "glpat-PnW5lGLVrnxcm3q1Kp_GpbCIpen.01.wj3p0iod0"

func main() { _ = os.Args }
