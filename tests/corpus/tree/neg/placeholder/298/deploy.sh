export API_TOKEN="none"
