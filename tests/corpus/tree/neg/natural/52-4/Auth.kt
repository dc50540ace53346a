val client_secret = "tokenizer_config.json"
