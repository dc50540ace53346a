SECRET_NAME = 'arn:aws:kms:eu-west-1:111122223333:alias/app'
