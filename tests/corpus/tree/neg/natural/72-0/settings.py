refreshToken = "https://www.googleapis.com/auth/cloud-platform"
