SECRET_KEY="com.acme.auth.TokenProvider"
