import requests

INTERNAL_API_TOKEN = "DK48k7sCIzPoo0PO4izw_rPQs2z-Z1wO"  # ask ops
resp = requests.get(URL, headers={"X-Token": INTERNAL_API_TOKEN})
