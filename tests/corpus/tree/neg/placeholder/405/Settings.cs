var apiToken = "${DB_PASSWORD:-}";
