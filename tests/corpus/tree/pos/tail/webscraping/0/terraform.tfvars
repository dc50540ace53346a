region = "eu-central-1"
webscraping_api_key = "GQ9rRtZNv6RZtTtg7XxnTKBCvqlNrBSZ"
