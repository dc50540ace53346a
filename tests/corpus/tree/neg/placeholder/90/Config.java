String apiToken = "YOUR_API_TOKEN_HERE";
