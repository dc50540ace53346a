  azure_client_id = "2bf5c05a-6842-4eac-ab97-732b58864520"
