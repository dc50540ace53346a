// settings
auth_token_length: 32
