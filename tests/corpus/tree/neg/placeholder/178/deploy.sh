export API_TOKEN="<redacted>"
