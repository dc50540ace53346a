const api_token = 'keycloak-admin-cli';
