Rails.application.configure do
  config.x.vbout_api_key = "1115780744413884653220147"
end
