Rails.application.configure do
  config.x.ritekit_client_id = "d36794d8134eb8f7b490f3329084053bf9c75be680ad"
end
