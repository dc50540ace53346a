val client_secret = "write:packages"
