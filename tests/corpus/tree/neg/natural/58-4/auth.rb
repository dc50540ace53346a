token = 'TokenType.IDENTIFIER'
