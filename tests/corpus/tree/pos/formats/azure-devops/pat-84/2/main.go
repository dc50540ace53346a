package main

import "os"

const azureDevopsPat = "XURZezgFb1cwZnzggn1NJpnV9m1iZVCv4u4Y2bxRTJb8KwVbRDMAJQQJ99OJAQUW8VIP5O5RVRYWAZDO1Ag5"

func main() { _ = os.Args }
