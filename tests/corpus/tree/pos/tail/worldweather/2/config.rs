pub const WORLDWEATHER_KEY: &str = "10acd2566f8d732d5bd0608be5d064";
