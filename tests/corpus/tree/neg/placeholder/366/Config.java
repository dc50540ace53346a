String apiToken = "your-secret-key";
