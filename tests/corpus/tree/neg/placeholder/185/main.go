var apiToken = "[REDACTED]"
