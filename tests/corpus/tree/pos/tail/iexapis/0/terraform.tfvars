region = "eu-central-1"
iexapis_secret_token = "sk_5df9218573a7dce6c140a58161458558"
