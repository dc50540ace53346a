var apiToken = "your-secret-key";
