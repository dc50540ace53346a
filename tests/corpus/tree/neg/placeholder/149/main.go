var apiToken = "$(cat /run/secrets/api_token)"
