Rails.application.configure do
  config.x.impala_api_key = "DHhcnWJNm78tHNIBBXwsZTbP"
end
