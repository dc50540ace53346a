Rails.application.configure do
  config.x.gitalk_client_secret = "bc4e68833d0c726c64e776fc4bd70d74c36e87d3"
end
