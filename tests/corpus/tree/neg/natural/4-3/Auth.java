private static final String SECRET_NAME = "Bearer";
