package main

import "os"

const slackSessionToken = "xoxs-46116410208-26081988028-350472658039-875540769933513b062c377ed967cfa418f93fd521a60362167c7cf499eff7fc"

func main() { _ = os.Args }
