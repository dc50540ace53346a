private static final String TOKEN = "/api/v2/oauth/token";
