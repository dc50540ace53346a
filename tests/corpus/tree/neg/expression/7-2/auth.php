# copy 2
$token = getenv('API_TOKEN');
