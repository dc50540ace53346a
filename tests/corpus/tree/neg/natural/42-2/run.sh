SECRET="${credentials.password}"
