import requests

refresh_token = "272f21a0ac9269c237c95cb8d7426c78c8032afd"  # TODO move to vault
resp = requests.get(URL, headers={"X-Token": refresh_token})
