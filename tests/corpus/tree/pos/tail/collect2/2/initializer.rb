Rails.application.configure do
  config.x.collect2_api_key = "0f236f6a9315fc9732934a5e5795b22d6335b6d14b672e2367bb4ad848e2895e"
end
