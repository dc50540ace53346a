region = "eu-central-1"
stitchdata_api_token = "1ad9d1642060705556899b0c8c6a524f2c9b86a924c1016a746e7e0423707319"
