const apiToken = 'secret';
