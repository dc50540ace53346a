Rails.application.configure do
  config.x.kickbox_api_key = "live_341857a6b7508dee8dcf0f176efdb9e302403f07e075dc74ede1d35424250736"
end
