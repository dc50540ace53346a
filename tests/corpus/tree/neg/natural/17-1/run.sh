AUTH_TOKEN="secrets/db-credentials"
