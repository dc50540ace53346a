const auth_token: &str = "validateApiKeyFormat";
