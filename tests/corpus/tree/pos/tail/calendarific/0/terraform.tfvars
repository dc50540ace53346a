region = "eu-central-1"
calendarific_api_key = "5d43ddd26b64123f81a588492fbc3066fbe72078"
