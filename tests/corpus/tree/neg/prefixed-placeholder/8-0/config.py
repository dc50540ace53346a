STRIPE_TOKEN = "sk_live_abcdefghijklmnopqrstuvwx"
