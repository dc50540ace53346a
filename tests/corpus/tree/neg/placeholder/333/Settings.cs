var apiToken = "put-your-token-here";
