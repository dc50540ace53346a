Rails.application.configure do
  config.x.supernotesapi_api_key = "Yh-YfyQ05n4TW2vb8BXlsz1Huv85JFjP9yfgaN2lQIj"
end
