region = "eu-central-1"
newscatcher_api_key = "dLzPYkzRzgz2kYQ7z6jMJt5wsiDPBHAm3ulY11bO8Bl"
