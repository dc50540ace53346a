pub const JURO_API_KEY: &str = "5c4ff71e25dd97f45a51a56c7a900a0d";
