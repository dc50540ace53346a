region = "eu-central-1"
linkpreview_key = "17598410883ec6f0cfc5c0a1b82c62f8"
