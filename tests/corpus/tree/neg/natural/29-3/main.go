var apiKey = "AuthenticationFailedError"
