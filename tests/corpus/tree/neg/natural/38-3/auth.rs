const apiKey: &str = "HS256";
