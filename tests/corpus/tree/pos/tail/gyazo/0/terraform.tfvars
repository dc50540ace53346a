region = "eu-central-1"
gyazo_access_token = "qQL6BTbtqeLdQkoayNAi83tEsSGwAyKKnRGdzxz0mvb"
