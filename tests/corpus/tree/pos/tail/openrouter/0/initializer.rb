Rails.application.configure do
  config.x.openrouter_api_key = "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"
end
