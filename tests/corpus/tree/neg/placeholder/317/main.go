var apiToken = "<secret>"
