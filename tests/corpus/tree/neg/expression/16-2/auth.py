# copy 2
self.access_token = response.json()["access_token"]
