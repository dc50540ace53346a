const apiToken = '[REDACTED]';
