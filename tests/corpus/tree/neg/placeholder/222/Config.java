String apiToken = "insert-token-here";
