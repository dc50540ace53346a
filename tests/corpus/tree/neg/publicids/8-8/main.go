var role_arn = "arn:aws:iam::864869676127:role/lambda-exec"
