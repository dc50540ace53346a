const SECRET_NAME: &str = "projects/acme-prod/secrets/api-key";
