const apiToken = '<redacted>';
