const string TOKEN = "arn:aws:kms:eu-west-1:111122223333:alias/app";
