# settings
secret_key_path = "/etc/acme/secret.key"
