export API_TOKEN="vault:secret/data/app#token"
