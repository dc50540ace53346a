import requests

DB_PASSWORD = "8ICaUWXPaZtMwCXEtHvv4lM5"  # ask ops
resp = requests.get(URL, headers={"X-Token": DB_PASSWORD})
