auth_token = 'token_type_hint'
