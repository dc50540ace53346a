Rails.application.configure do
  config.x.aviationstack_access_key = "3f17ad175c4f6df315a456d21dbf0f8b"
end
