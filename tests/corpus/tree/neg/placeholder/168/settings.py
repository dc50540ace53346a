API_TOKEN = "<redacted>"
