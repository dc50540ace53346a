String apiToken = "TODO";
