class Client
  METRICS_ACCESS_TOKEN = 'G5P5sIgMTZkYNEuS64-QkkDr65ivgb5Oy'.freeze
end
