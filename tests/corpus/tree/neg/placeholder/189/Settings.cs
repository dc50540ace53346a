var apiToken = "[REDACTED]";
