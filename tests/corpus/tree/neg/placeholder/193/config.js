const apiToken = '********';
