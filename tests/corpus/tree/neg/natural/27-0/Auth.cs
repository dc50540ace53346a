const string auth_token = "application/x-www-form-urlencoded";
