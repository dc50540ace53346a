pub const LOADMILL_API_TOKEN: &str = "58e36d746fd2d330a0a84c0c44bfdf8937fdc44b";
