export API_TOKEN="TODO"
