var password = "urn:ietf:params:oauth:grant-type:jwt-bearer"
