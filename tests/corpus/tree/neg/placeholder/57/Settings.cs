var apiToken = "<your-api-key>";
