String apiToken = "[REDACTED]";
