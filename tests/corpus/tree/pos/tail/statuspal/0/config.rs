pub const STATUSPAL_API_KEY: &str = "bece22f69d7afba7f178a9344f424378";
