Rails.application.configure do
  config.x.nightfall_api_key = "NF-5gEraPxJEohnorVw7BmJdmfjlQDTYpXp"
end
