const apiToken = 'put-your-token-here';
