private static final String secret_key = "TokenType.IDENTIFIER";
