package main

import "os"

const azureDevopsPat = "whfAQkQ3DxUGfs83MGQ5A109oDFsNewHWXIvBOYuL3UqGdNyUBUcJQQJ99QRHPAZDO746Q79HP0WfXrjcygJ"

func main() { _ = os.Args }
