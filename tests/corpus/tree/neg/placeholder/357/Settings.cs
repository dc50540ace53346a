var apiToken = "example-token";
