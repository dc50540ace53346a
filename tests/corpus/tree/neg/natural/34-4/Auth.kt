val secret_key = "s3://acme-config/app/settings.json"
