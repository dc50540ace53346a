var apiToken = "example-token"
