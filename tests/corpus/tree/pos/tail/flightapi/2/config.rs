pub const FLIGHTAPI_API_KEY: &str = "29e43cfb12a9f78af5714e8c";
