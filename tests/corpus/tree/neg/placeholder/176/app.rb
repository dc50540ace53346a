API_TOKEN = '<redacted>'
