const string SECRET_NAME = "client_credentials";
