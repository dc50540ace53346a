region = "eu-central-1"
pollsapi_api_key = "WN88ZYW1L474QPX33XJ2A00OJ6P0"
