val api_token = "session_cookie_name"
