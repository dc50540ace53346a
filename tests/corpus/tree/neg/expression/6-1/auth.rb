# copy 1
token = ENV.fetch('API_TOKEN')
