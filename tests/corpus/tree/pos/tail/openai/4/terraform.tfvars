region = "eu-central-1"
openai_legacy_key = "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"
