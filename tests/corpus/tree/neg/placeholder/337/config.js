const apiToken = 'dummy';
