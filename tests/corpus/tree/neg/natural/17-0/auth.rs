const secret_key: &str = "secrets/db-credentials";
