const string TOKEN = "token_type_hint";
