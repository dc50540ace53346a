Rails.application.configure do
  config.x.kagi_api_key = "qujT3Ha748J.D_dNby-sZXQnehdmMREykx-NqkUcVFi8Cx1oGIKoGHI"
end
