region = "eu-central-1"
storecove_api_key = "ie6wmVF4vbZGKbIXD4NmyR9alUa_Br_dJq7zx5_vqjU"
