import requests

consumer_secret = "8e6ef907603b03a45e9d2bb07e4e325ac12249a74b489d6ab781b5c750c9735a"  # prod
resp = requests.get(URL, headers={"X-Token": consumer_secret})
