import requests

client_secret = "98faade85de0f775ecd9e0267f87d72d19f8f418"  # ask ops
resp = requests.get(URL, headers={"X-Token": client_secret})
