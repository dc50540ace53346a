package main

import "os"

const wistiaApiToken = "5c2363c5aa108882d3e94cfe5bc5360bfbd60c0d4b41c83810ccf364d5856a9b"

func main() { _ = os.Args }
