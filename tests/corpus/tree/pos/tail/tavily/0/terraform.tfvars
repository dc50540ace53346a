region = "eu-central-1"
tavily_api_key = "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"
