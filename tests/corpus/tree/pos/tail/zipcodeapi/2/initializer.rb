Rails.application.configure do
  config.x.zipcodeapi_api_key = "TEXL6PuQym2byEddfZ8hBYmTdJCimX6GAZOtBIIoHJqpJA9IpajQB0OZJtY7HlNx"
end
