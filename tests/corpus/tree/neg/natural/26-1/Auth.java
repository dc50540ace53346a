private static final String secret_key = "urn:ietf:params:oauth:grant-type:jwt-bearer";
