var apiToken = "changeme"
