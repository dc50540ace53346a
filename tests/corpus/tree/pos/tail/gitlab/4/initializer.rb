Rails.application.configure do
  config.x.gitlab_runner_token = "glrt-7MUGeWhy4XqWAh2AMnI2"
end
