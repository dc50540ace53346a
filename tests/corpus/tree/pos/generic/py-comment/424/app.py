import requests

GATEWAY_TOKEN = "e14c2ec9c276f77336b5fc594d6f43020d533266"  # ask ops
resp = requests.get(URL, headers={"X-Token": GATEWAY_TOKEN})
