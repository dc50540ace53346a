API_TOKEN="projects/acme-prod/secrets/api-key"
