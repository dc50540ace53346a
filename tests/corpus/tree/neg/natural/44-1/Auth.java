private static final String secret = "argon2id";
