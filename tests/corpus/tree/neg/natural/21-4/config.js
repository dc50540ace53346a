const client_secret = 'kubernetes.io/service-account-token';
