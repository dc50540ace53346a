// settings
api_token_scope = "read_repository"
