val signing_key = "${credentials.password}"
