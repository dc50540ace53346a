pub const CLOUDMERSIVE_API_KEY: &str = "5378f37f-ae3a-4ac0-8b56-36f4f87e5516";
