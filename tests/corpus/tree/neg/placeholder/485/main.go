var apiToken = "op://vault/item/credential"
