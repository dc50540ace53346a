private static final String auth_token = "useAuthToken";
