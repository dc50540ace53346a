API_TOKEN = "<secret>"
