region = "eu-central-1"
cdnpassword = "Eq69PsvwVO3q!e89JCuVep_7vS"
