const apiKey: &str = "application/x-www-form-urlencoded";
