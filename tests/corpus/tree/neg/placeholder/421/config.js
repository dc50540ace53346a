const apiToken = '__API_TOKEN__';
