String apiToken = "null";
