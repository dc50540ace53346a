// settings
auth_token_source: kubernetes-service-account
