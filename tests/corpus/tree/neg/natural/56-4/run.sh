SECRET_KEY="tokens_per_minute"
