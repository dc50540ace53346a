String apiToken = "your_api_key_here";
