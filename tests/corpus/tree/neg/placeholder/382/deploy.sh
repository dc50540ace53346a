export API_TOKEN="secret"
