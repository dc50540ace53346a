var serviceAuthToken = "h1A6AQqlu081XKtssWPRtjrVhKFomoyINiCZ8Gs8MjSMBqiAOfnNbUmTWLczMy5H";
var client = new HttpClient();
