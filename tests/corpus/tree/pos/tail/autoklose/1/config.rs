pub const AUTOKLOSE_API_KEY: &str = "T4stMCNfejblcKpacGSj0YkZpYphDjUS";
