const string secret_key = "handleTokenRefresh";
