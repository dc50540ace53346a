const apiToken = '<your-api-key>';
