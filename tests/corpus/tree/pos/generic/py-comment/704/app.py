import requests

INTERNAL_API_TOKEN = "a8523426d5fe50209582472d777b06ac7bfd5f56"  # ask ops
resp = requests.get(URL, headers={"X-Token": INTERNAL_API_TOKEN})
