credentials = "aes-256-gcm"
