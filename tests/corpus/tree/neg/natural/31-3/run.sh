SIGNING_KEY="secret-volume"
