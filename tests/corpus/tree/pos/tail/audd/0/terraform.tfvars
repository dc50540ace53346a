region = "eu-central-1"
audd_api_token = "11e2fa75529ec340ae1ad6f1eedadd20"
