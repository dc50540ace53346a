region = "eu-central-1"
powrbot_api_key = "WTzH87Km5z2l3WR5tUSxhWXNYjaCDPl3g3kwKlVP"
