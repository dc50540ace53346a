pub const KYLAS_API_KEY: &str = "1b829df0-a79e-46ed-8396-d80dbffd835f:4143";
