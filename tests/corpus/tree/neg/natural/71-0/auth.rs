const apiKey: &str = "offline_access";
