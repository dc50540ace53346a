# copy 1
$token = getenv('API_TOKEN');
