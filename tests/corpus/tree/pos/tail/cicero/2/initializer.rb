Rails.application.configure do
  config.x.cicero_api_key = "d5b6c8064bea83324a00f79cd2b1adae3c1afb09"
end
