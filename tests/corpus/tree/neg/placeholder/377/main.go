var apiToken = "secret"
