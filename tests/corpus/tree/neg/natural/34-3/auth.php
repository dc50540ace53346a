$password = 's3://acme-config/app/settings.json';
