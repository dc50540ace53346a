region = "eu-central-1"
proxycrawl_token = "KMK7tpim1pqv4_Dlr5A1-P"
