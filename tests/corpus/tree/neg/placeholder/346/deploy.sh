export API_TOKEN="dummy"
