var apiToken = "********";
