const password: &str = "secretsmanager";
