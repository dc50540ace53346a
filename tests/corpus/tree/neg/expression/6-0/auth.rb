token = ENV.fetch('API_TOKEN')
