String apiToken = "put-your-token-here";
