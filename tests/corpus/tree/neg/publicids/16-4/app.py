gravatar_hash = "7b9dbd9781f1eab74d7d5510a4ed3639"
