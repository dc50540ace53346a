private static final String signing_key = "arn:aws:kms:eu-west-1:111122223333:alias/app";
