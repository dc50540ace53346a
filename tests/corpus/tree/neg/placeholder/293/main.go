var apiToken = "none"
