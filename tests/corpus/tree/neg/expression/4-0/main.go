token := os.Getenv("API_TOKEN")
