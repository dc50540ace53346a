Rails.application.configure do
  config.x.mediastack_access_key = "8c9777d949773b4ed7a42929dea8ea14"
end
