CLIENT_SECRET="offline_access"
