SECRET_KEY="getAccessTokenSilently"
