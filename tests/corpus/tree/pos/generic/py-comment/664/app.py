import requests

refresh_token = "oieQYQOd15TnYXpsWcU8ZgZpw_TI2eVdXr4M4yPK8fXt19fPwd"  # TODO move to vault
resp = requests.get(URL, headers={"X-Token": refresh_token})
