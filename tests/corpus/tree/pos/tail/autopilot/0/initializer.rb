Rails.application.configure do
  config.x.autopilot_api_key = "59e096cc2334abbc5209f185d26559f6"
end
