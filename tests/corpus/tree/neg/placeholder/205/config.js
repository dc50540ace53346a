const apiToken = 'TODO';
