var apiToken = "********"
