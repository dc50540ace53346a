API_TOKEN = '<%= ENV['API_TOKEN'] %>'
