export API_TOKEN="$(cat /run/secrets/api_token)"
