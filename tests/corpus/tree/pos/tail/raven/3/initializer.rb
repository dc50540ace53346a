Rails.application.configure do
  config.x.raven_dsn = "https://cb5a10239b98ff85885a8349d83eee70:1cce5b19177ffb509c4e752db277ad20@sentry.io/060411"
end
