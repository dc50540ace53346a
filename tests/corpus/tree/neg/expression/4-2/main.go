# copy 2
token := os.Getenv("API_TOKEN")
