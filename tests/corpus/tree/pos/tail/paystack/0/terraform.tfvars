region = "eu-central-1"
paystack_secret_key = "sk_live_ac04f0ae332eae1a7a7974f615cc1d6f1869ed3d"
