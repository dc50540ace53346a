# copy 1
self.access_token = response.json()["access_token"]
