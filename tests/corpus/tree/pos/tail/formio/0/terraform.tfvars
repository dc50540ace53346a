region = "eu-central-1"
formio_api_key = "oJX0sxD76oWpQgIb2GBl6mnnqj49Lo"
