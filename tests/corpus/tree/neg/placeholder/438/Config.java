String apiToken = "#{api_token}";
