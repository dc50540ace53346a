String apiToken = "secret";
