const API_KEY: &str = "secret-volume";
