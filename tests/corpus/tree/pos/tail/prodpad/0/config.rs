pub const PRODPAD_API_KEY: &str = "460ee8a988ea8cadf5e99ad729da805dad2f1281d9d1b22115042d87e4ed49ae";
