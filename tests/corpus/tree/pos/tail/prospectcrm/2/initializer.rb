Rails.application.configure do
  config.x.prospectcrm_api_key = "e8d21552-6597-4e2c-9ae1-4bbf9de98ea9"
end
