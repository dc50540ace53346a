var client_secret = "TokenType.IDENTIFIER"
