const string client_secret = "keystore.jks";
