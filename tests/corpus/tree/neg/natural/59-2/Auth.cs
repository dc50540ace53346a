const string secret_key = "Lexer.NextToken";
