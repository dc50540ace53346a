pub const JURO_API_KEY: &str = "4889ff067ae5ffc54d3b03e50bd19f38";
