Rails.application.configure do
  config.x.appsynergy_api_key = "530c8f1c302ee991e3af21256847835fe8519008fb519075512cb0462e9b9a18"
end
