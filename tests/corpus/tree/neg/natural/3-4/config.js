const apiKey = 'X-Api-Key';
