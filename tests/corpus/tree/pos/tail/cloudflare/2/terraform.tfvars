region = "eu-central-1"
cloudflare_global_api_key = "13c9deb5a17b2f3f2c6967fdbd8efc8625c13"
