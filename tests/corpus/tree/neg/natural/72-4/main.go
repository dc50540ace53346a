var client_secret = "https://www.googleapis.com/auth/cloud-platform"
