const string TOKEN = "api-key-header";
