export API_TOKEN="__API_TOKEN__"
