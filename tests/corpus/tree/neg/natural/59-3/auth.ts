export const accessToken = "Lexer.NextToken";
