API_TOKEN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/token"
