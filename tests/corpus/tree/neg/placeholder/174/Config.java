String apiToken = "<redacted>";
