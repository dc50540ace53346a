private static final String api_token = "user_password_hash";
