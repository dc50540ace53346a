var apiToken = "null";
