Rails.application.configure do
  config.x.countrylayer_access_key = "8f4d9f3a7d9b470ea1f63ada5bb24b6a"
end
