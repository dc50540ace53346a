const apiToken = 'vault:secret/data/app#token';
