client_secret = '__RequestVerificationToken'
