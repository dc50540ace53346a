Rails.application.configure do
  config.x.cloudplan_api_key = "e897748a017f15890043e42e1d1937da"
end
