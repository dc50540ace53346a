var apiToken = "changeme";
