pub const SURVEYBOT_API_KEY: &str = "bQejUExu1eb0NjJbiqYunVV7TPyFKxi9S4A4EcUV";
