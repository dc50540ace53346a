Rails.application.configure do
  config.x.openweather_appid = "f17d6ee1d828df05e4ecca7329b90118"
end
