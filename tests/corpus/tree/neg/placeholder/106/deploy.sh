export API_TOKEN="changeme"
