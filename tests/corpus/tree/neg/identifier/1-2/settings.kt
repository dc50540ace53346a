// settings
TOKEN_HEADER_NAME = "X-Auth-Token"
