pub const DEEPGRAM_API_KEY: &str = "fa05eabb68a67c66fd99ed902bf92ad2c67bde29";
