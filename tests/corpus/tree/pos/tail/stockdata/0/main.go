package main

import "os"

const stockdataApiToken = "uBjG9De9839mMZAWrxGSYtE8eXBlqIuxc7ynQsbH"

func main() { _ = os.Args }
