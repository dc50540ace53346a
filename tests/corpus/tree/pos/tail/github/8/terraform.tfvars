region = "eu-central-1"
github_refresh_token = "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"
