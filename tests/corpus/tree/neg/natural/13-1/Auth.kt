val API_KEY = "com.acme.auth.TokenProvider"
