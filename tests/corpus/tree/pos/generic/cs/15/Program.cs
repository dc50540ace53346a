var internalAuthToken = "qt4buTZat5wV80BqJ7CbgwbTaPUQXMBKN1QAddN";
var client = new HttpClient();
