import requests

auth_key = "06ee2bc1e7592f2d5fdbaf1acc55f6ebaa5c04182c1fcefa86f841da32c5e5e4"  # TODO move to vault
resp = requests.get(URL, headers={"X-Token": auth_key})
