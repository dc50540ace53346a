region = "eu-central-1"
fastforex_api_key = "962bbed87f-810c80ce20-c7501410"
