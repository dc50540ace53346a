import requests

auth_key = "1349e26d5f1c7293ab7673a6b170047a81fff573d0b9d473ecb3dcf84c9b342e"  # prod
resp = requests.get(URL, headers={"X-Token": auth_key})
