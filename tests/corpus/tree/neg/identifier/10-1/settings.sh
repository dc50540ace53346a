# settings
"access_token": "string",
