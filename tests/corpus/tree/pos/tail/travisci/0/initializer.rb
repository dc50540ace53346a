Rails.application.configure do
  config.x.travisci_api_token = "IIT41YqLd6S6bkJ0GXmldF"
end
