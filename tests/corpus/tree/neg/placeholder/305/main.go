var apiToken = "null"
