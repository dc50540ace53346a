Rails.application.configure do
  config.x.stopwords_api_key = "9aed21c5a7fa141aedf95de1843eebbc"
end
