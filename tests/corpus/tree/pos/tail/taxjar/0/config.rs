pub const TAXJAR_API_TOKEN: &str = "49dd6d4f4eb9dff4873e7d8813c42f87";
