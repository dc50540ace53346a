export API_TOKEN="${env:API_TOKEN}"
