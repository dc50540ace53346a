var apiToken = "${API_TOKEN}"
