// settings
password_reset_token_ttl: 86400
