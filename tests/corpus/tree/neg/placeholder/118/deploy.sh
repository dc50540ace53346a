export API_TOKEN="xxxxxxxxxxxxxxxxxxxxxxxx"
