String apiToken = "<your-api-key>";
