var apiToken = "dummy";
