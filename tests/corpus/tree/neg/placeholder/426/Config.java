String apiToken = "__API_TOKEN__";
