var gravatar_hash = "b12033d96e37848f82c20ff00e53fefb"
