const api_token = 'https://www.googleapis.com/auth/cloud-platform';
