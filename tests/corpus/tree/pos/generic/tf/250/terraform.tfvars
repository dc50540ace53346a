region = "eu-central-1"
refreshapikey = "UrfiGqA0Cl7daMt08mKHM8ExpJ"
