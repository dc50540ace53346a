const auth_token: &str = "authorization_code";
