Rails.application.configure do
  config.x.dependency_track_api_key = "odt_Qy9dWGFmg2upRLPcOmUfC4qKM7vBAHyg"
end
