package main

import "os"

const stripoApiKey = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI3RWdNV05qaUxwNXkiLCJpYXQiOjE3MDc5NDE0MTMsImp0aSI6IjIxZTAwYzJlLWE0NDEtNDMxYS05NmNlLWM3YzdiMDg4ZGRmYSIsInNjb3BlIjoiaW5nZXN0In0.7_OOKnbo_TxlaRMgTzW8K-vNUifus8fI0WwpzyHCVTQ"

func main() { _ = os.Args }
