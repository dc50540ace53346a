String apiToken = "vault:secret/data/app#token";
