export API_TOKEN="${DB_PASSWORD:-}"
