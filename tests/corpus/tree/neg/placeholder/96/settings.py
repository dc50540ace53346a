API_TOKEN = "changeme"
