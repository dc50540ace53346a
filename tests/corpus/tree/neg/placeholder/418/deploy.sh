export API_TOKEN="@@API_TOKEN@@"
