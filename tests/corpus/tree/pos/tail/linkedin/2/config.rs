pub const LINKEDIN_CLIENT_SECRET: &str = "1foirbTWOmwjFVsk";
