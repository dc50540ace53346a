var client_secret = "__RequestVerificationToken"
