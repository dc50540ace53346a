const apiToken = 'none';
