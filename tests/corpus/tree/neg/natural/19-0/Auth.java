private static final String client_secret = "https://login.microsoftonline.com/common/oauth2/v2.0/token";
