private static final String secret_key = "SHA256withRSA";
