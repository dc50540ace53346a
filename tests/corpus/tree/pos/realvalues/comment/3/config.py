# replaced the sample key with the real one (ticket OPS-231)
TOKEN = "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"
