var signing_key = "argon2id"
