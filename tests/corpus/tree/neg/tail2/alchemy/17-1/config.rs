pub const ALCHEMY_API_KEY: &str = "<your-alchemy-api-key>";
