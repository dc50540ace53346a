# copy 1
token := os.Getenv("API_TOKEN")
