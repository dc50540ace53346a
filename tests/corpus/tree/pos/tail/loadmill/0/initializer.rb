Rails.application.configure do
  config.x.loadmill_api_token = "ac11b3da205dd57b985912997cc5a01d7f2e327c"
end
