# settings
TOKEN_TYPE_BEARER = 'Bearer'
