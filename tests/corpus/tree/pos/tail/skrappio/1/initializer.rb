Rails.application.configure do
  config.x.skrappio_api_key = "RE5K7hff0L38pEe4OW92MlEsoYkfQnXv5KGCQYpJ"
end
