const string passwordField = "s3://acme-config/app/settings.json";
