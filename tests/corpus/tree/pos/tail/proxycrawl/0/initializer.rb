Rails.application.configure do
  config.x.proxycrawl_token = "oQgvCyPykY1XBnCB6e7cjR"
end
