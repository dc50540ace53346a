import requests

api_key = "8ddf0a176c41a5728f45874af1f98f3cbbed82443f543b7d36868c2479908aae"  # ask ops
resp = requests.get(URL, headers={"X-Token": api_key})
