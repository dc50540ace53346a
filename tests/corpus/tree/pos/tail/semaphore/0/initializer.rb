Rails.application.configure do
  config.x.semaphore_api_token = "4c65a57f632e968daa34"
end
