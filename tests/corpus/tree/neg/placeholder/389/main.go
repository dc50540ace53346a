var apiToken = "password"
