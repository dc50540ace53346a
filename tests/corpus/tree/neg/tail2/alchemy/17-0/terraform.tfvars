region = "eu-central-1"
alchemy_api_key = "<your-alchemy-api-key>"
