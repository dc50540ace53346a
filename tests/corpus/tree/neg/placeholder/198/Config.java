String apiToken = "********";
