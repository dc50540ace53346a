pub const POSTAGEAPP_API_KEY: &str = "hPIw6UOschQDgBaw4zeJWN6H102Q1Ixz";
