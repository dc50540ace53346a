const apiToken = 'xxxxxxxxxxxxxxxxxxxxxxxx';
