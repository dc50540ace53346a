		"https://user:pass%2fis%40bad@hostname.com:1234/"));
