import requests

api_token = "XpUGUuvBSPZ9Xi-If4fFBzqrIv03_zBCbTxSRM3ZspUwP8ww5b_9mQ"  # prod
resp = requests.get(URL, headers={"X-Token": api_token})
