Rails.application.configure do
  config.x.pepipost_api_key = "634fc4b9502a43bbfef0bdec0fc124d3"
end
