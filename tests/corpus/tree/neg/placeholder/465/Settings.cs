var apiToken = "vault:secret/data/app#token";
