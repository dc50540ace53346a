export API_TOKEN="null"
