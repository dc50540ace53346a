val secret = "keystore.jks"
