STRIPE_TOKEN = "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx"
