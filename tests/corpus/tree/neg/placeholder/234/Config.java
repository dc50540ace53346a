String apiToken = "<%= ENV['API_TOKEN'] %>";
