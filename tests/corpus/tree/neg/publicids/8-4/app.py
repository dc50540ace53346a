role_arn = "arn:aws:iam::010076902150:role/deploy"
