var apiToken = "<redacted>";
