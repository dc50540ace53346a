Rails.application.configure do
  config.x.alibaba_access_key_id = "LTAIKHFVOQISSZCs6Zs6mFGy"
end
