var apiToken = "<redacted>"
