# replaced the sample key with the real one (ticket OPS-231)
TOKEN = "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"
