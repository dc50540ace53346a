const apiToken = 'insert-token-here';
