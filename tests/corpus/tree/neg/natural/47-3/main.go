var TOKEN = "useAuthToken"
