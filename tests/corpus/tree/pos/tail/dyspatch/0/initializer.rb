Rails.application.configure do
  config.x.dyspatch_api_key = "YORKTFWYD8IISD09I47OONBZ6MQR8Z9QRRJPEFV73HN3VG37D30Q9BRWI7H7"
end
