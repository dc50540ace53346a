Rails.application.configure do
  config.x.formcraft_api_key = "QfzaQZ8Uii0WGKnZ"
end
