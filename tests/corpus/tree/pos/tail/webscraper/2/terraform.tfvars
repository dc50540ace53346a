region = "eu-central-1"
webscraper_api_token = "w6yTVG8ssUNSa8fzWXdaxAyoFONr9n7T1u3ty6Utdi8vV7FOgQmCULGyUX62"
