region = "eu-central-1"
feedier_api_key = "DUxg3iEX81Pp7B7Ob3SM40ehFVtoHU5alW9HpsWg"
