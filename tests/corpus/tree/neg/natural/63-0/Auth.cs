const string client_secret = "x-csrf-token";
