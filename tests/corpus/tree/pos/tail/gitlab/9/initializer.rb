Rails.application.configure do
  config.x.gitlab_runner_registration_token = "GR1348941wvrpoUbfuoXn5DA88sRk"
end
