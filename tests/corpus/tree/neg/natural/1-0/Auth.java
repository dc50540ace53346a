private static final String SECRET_NAME = "client_credentials";
