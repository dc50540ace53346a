const apiToken = '<%= ENV['API_TOKEN'] %>';
