import requests

api_token = "Vw~76H~RP^.De!Yn?lHK-eEN@zs"  # ask ops
resp = requests.get(URL, headers={"X-Token": api_token})
