var apiToken = "__API_TOKEN__";
