String apiToken = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/token";
