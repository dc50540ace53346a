String apiToken = "${env:API_TOKEN}";
