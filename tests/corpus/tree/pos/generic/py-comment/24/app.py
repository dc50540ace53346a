import requests

CLIENT_SECRET = "e502d7f42853f960ac9001e918f9096751292e43"  # ask ops
resp = requests.get(URL, headers={"X-Token": CLIENT_SECRET})
