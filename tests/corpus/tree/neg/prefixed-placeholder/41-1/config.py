MAILGUN_TOKEN = "key-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
