region = "eu-central-1"
restpackhtmltopdfapi_access_token = "qB2sbYb0vXblKWC37jQqOhwLkNDpfxMkKJLPLy5uLAqkiBRs"
