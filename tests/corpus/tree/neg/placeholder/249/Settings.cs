var apiToken = "${env:API_TOKEN}";
