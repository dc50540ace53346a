String apiToken = "example-token";
