const apiToken = 'changeme';
