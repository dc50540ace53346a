Rails.application.configure do
  config.x.freshbooks_access_token = "c3ba9d955d1f9626f82dcaecc1805d83a0466bbdd5bcaa4eb9864a6e31437f9e"
end
