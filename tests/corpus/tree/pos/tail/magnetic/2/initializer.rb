Rails.application.configure do
  config.x.magnetic_api_token = "60203e35-d242-4c28-9d5a-4c609d407f3d"
end
