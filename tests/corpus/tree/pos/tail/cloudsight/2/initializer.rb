Rails.application.configure do
  config.x.cloudsight_api_key = "G5fmF9MpUsutyOvDsXgAx3"
end
