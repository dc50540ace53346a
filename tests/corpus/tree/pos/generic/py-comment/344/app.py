import requests

token = "jDaz17lpoAs6MgDlw8KuPX0jpz"  # prod
resp = requests.get(URL, headers={"X-Token": token})
