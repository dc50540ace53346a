val secret_key = "secretsmanager"
