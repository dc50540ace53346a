var apiToken = "xxxxxxxxxxxxxxxxxxxxxxxx"
