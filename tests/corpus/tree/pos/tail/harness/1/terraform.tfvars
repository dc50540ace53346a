region = "eu-central-1"
harness_api_key = "pat.SquAIY4thKDwiGCgfCOSli.3eae1d5643362c8d4be38935.l6TAIanMC6sRc3gJ9d2J"
