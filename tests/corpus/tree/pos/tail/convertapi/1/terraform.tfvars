region = "eu-central-1"
convertapi_secret = "SKidrUFJFVhS017G"
