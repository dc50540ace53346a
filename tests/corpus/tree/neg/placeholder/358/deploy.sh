export API_TOKEN="example-token"
