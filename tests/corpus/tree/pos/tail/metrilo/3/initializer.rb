Rails.application.configure do
  config.x.metrilo_api_token = "54ca248d323bf9ba"
end
