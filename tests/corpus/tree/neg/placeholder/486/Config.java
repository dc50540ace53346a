String apiToken = "op://vault/item/credential";
