API_TOKEN = '<secret>'
