  azure_client_id = "7c2df005-0793-4733-bc51-553e9318a98d"
