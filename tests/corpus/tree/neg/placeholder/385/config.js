const apiToken = 'password';
