Rails.application.configure do
  config.x.noticeable_api_key = "KbKh3frQkwHCPqrvVDmM"
end
