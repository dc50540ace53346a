Rails.application.configure do
  config.x.freemius_secret_key = "sk_PCbz8ls3F74rfrCFHW8oKYsZ7CJY-"
end
