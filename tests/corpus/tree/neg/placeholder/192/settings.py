API_TOKEN = "********"
