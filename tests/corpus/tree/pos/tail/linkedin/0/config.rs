pub const LINKEDIN_CLIENT_SECRET: &str = "WEGbartd5Wr4sqEt";
