const apiToken = '${DB_PASSWORD:-}';
