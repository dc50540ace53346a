region = "eu-central-1"
tickettailor_api_key = "sk_4750_652339_48c28057baa1db91a5150d8fb150c448"
