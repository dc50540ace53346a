const apiToken = '${env:API_TOKEN}';
