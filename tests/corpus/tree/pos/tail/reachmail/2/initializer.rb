Rails.application.configure do
  config.x.reachmail_api_token = "98a4d30a0ba98a114b704b3f4af1f54e"
end
