var apiToken = "xxxxxxxxxxxxxxxxxxxxxxxx";
