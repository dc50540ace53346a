export API_TOKEN="********"
