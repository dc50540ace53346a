// settings
encryption_key_algorithm = "AES256-GCM-SIV"
