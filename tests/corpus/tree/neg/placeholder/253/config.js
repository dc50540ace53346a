const apiToken = '$API_TOKEN';
