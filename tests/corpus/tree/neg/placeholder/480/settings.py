API_TOKEN = "op://vault/item/credential"
