const apiToken = 'REPLACE_ME';
