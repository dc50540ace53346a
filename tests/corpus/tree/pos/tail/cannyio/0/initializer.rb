Rails.application.configure do
  config.x.cannyio_api_key = "a6ca3a1e-b935-4410-9a43-b4aa7d707ef9"
end
