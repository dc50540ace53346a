const string SECRET_NAME = "token_count";
