String apiToken = "password";
