password = "authenticity_token"
