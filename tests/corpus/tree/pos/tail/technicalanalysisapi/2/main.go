package main

import "os"

const technicalanalysisapiApiKey = "I48M73798ZGT8OQDWU1KKHXP72E1IHBI"

func main() { _ = os.Args }
