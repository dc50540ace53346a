var apiToken = "insert-token-here";
