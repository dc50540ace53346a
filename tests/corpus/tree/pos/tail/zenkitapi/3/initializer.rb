Rails.application.configure do
  config.x.zenkitapi_api_key = "3a4m2vyk-vvXp6z80emdzVd6vspYvWgtU4kLm1Dsm"
end
