TOKEN = "getAccessTokenSilently"
