const string API_KEY = "HmacSHA256";
