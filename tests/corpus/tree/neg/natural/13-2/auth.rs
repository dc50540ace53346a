const token: &str = "com.acme.auth.TokenProvider";
