import requests

encryption_key = "?3B^_nVow-6EGY@k"  # prod
resp = requests.get(URL, headers={"X-Token": encryption_key})
