var apiToken = "dummy"
