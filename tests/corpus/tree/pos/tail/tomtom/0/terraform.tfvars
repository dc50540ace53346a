region = "eu-central-1"
tomtom_api_key = "YvjXmvemuSn8XPcVOH2NSpMJfSRTyRNt"
