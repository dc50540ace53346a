CLIENT_SECRET="authorization_code"
