String apiToken = "REPLACE_ME";
