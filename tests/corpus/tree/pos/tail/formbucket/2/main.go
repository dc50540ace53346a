package main

import "os"

const formbucketApiKey = "eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJsdWJSckd4elZmalUiLCJpYXQiOjE3MDYyNzkwMDUsImp0aSI6IjgzZjk2ODI2LTQ3MmYtNDMzMi1iM2Y2LWNlMjkyNTUxZGNiYyIsInNjb3BlIjoiYXBpIn0.Jt2d-MA9U-mS4rd2sFqMwhoCrEcUm0s_9_zMq1tO6hc"

func main() { _ = os.Args }
