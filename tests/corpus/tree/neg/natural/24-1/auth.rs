const accessToken: &str = "session_cookie_name";
