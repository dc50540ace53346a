// settings
secret_name: projects/acme/secrets/db-password/versions/latest
