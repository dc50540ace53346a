Rails.application.configure do
  config.x.cloudsmith_api_key = "2a5b50b975f063bba5060072db5109c1e14369a0"
end
