package main

import "os"

const peopledatalabsApiKey = "b90f858779eb77988901da874fa446617b94bb87e4b0e52736b5b6d5febeee84"

func main() { _ = os.Args }
