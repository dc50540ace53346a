const apiToken = 'your-secret-key';
