const string refreshToken = "openid profile email";
