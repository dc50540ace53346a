var apiToken = "<%= ENV['API_TOKEN'] %>";
