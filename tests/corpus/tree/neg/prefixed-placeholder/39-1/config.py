GOOGLE_TOKEN = "AIzaxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
