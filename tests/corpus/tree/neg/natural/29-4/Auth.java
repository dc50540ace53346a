private static final String token = "AuthenticationFailedError";
