private static final String secret = "token_count";
