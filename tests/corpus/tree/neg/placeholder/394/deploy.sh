export API_TOKEN="password"
