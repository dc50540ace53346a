TWILIO_TOKEN = "SKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
