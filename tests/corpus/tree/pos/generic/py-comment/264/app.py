import requests

db_password = "G42YQ3bAq3j4pTXZc4P7X0WDutATPkoE"  # rotated 2026-03
resp = requests.get(URL, headers={"X-Token": db_password})
