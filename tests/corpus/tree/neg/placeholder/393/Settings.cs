var apiToken = "password";
