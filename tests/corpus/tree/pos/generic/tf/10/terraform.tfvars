region = "eu-central-1"
vendorsecret = "896?mG!5_7e1KxtwIic4"
