export API_TOKEN="sk_live_..."
