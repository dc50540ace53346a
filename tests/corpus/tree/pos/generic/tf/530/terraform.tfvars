region = "eu-central-1"
partnerpassword = "JYuC380AGnufodB9V35R6rhPmM271An"
