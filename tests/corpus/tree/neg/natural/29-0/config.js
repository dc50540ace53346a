const secret_key = 'AuthenticationFailedError';
