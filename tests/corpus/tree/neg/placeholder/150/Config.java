String apiToken = "$(cat /run/secrets/api_token)";
