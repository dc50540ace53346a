$secret = 'Lexer.NextToken';
