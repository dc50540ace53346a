$refreshToken = 'com.acme.auth.TokenProvider';
