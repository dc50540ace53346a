# replaced the sample key with the real one (ticket OPS-231)
TOKEN = "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"
