headers.put("service_token", "YnfTqbB_F-epXxwyYCI8RJmIj5DVdWQPQi1qCPRo3K");
