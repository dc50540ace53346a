String apiToken = "${DB_PASSWORD:-}";
