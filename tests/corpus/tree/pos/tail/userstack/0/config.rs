pub const USERSTACK_ACCESS_KEY: &str = "ef4ccf65e6d9cb6a63152ba1ba6d1564";
