const apiKey: &str = "${credentials.password}";
