pub const CLIENGO_API_KEY: &str = "fa4e5802-f119-44ed-bef3-417ed3f9fdc3";
