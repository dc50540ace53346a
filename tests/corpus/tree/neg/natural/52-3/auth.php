$refreshToken = 'tokenizer_config.json';
