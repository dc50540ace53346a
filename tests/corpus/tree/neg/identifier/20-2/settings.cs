// settings
token_endpoint_auth_method: client_secret_basic
