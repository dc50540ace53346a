const apiToken = '#{api_token}';
