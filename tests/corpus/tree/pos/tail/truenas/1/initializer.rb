Rails.application.configure do
  config.x.truenas_api_key = "0-IMf12860OixVe2C9kKwZnVWHnk96lHm2faYnIX8chYCdhkP0DQT3kGBM2Qz6Nc6e"
end
