Rails.application.configure do
  config.x.figma_pat = "figd_WKptWyDNb7LlpW8JK8a65EN2pjFp9WnK7ASHtUE8"
end
