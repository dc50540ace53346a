String apiToken = "xxxxxxxxxxxxxxxxxxxxxxxx";
