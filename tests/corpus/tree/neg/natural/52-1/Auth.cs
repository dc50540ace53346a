const string accessToken = "tokenizer_config.json";
