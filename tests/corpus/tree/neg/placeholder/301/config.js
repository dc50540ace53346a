const apiToken = 'null';
