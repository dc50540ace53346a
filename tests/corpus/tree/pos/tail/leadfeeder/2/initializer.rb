Rails.application.configure do
  config.x.leadfeeder_api_token = "3z6OgonCJ3A0_WUByJsUHAxqkEgsW7J3sjikneSHj7I"
end
