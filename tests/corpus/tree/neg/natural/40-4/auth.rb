api_token = 'sha512WithRSAEncryption'
