region = "eu-central-1"
pubnub_subscribe_key = "sub-c-10c1c2cd-af6a-466e-a893-a05fcba9d246"
