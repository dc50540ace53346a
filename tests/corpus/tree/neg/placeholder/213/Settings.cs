var apiToken = "TODO";
