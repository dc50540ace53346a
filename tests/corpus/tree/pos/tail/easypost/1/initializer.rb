Rails.application.configure do
  config.x.easypost_api_key = "EZAKDoUYeiET1TLrcdeO6KR6L2idjrlTIoG6ikSp7t0h5c8oUrBinN8Bl8"
end
