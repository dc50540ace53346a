apiKey = "vocab_size"
