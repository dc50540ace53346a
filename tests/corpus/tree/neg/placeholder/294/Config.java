String apiToken = "none";
