var apiToken = "secret";
