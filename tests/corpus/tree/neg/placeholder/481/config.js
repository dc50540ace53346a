const apiToken = 'op://vault/item/credential';
