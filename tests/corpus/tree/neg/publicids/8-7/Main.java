String role_arn = "arn:aws:iam::816498522545:role/ci-runner";
