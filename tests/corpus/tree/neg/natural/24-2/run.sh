SECRET_KEY="session_cookie_name"
