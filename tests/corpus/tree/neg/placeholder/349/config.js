const apiToken = 'example-token';
