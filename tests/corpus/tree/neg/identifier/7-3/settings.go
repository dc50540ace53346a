// settings
"password_too_short": "Password must be at least 12 characters",
