var apiToken = "REPLACE_ME";
