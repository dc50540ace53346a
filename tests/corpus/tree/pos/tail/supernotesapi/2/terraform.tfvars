region = "eu-central-1"
supernotesapi_api_key = "Yh-YfyQ05n4TW2vb8BXlsz1Huv85JFjP9yfgaN2lQIj"
