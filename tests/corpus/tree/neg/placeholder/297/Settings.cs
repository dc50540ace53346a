var apiToken = "none";
