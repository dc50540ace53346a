String apiToken = "changeme";
