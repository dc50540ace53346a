pub const HAPPYSCRIBE_API_KEY: &str = "HsOJOSRDBI8eVxLwrjNqNua2";
