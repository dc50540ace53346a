// settings
const ACCESS_TOKEN_COOKIE = "access_token_cookie_name";
