const apiToken = '$(cat /run/secrets/api_token)';
