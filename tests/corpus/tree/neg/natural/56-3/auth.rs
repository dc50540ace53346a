const accessToken: &str = "tokens_per_minute";
