package main

import "os"

const slackAppToken = "xapp-1-AOM6029TOS7-4067540813809-06f565f63bb48310f78fedbf4ef6f835227889b153310bb7f1a239a261da80ed"

func main() { _ = os.Args }
