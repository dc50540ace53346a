String apiToken = "dummy";
