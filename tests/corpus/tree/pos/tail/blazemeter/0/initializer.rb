Rails.application.configure do
  config.x.blazemeter_api_key_secret = "a663d36fc82ff113c4607f1872a8b960566342acb4771e527f1b4d8575b67d54"
end
