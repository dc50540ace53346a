# copy 2
token = ENV.fetch('API_TOKEN')
