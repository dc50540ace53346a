import requests

api_key = "366895eb1e12a637c09f7a0550db7207887a1855"  # ask ops
resp = requests.get(URL, headers={"X-Token": api_key})
