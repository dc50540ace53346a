var apiToken = "TODO"
