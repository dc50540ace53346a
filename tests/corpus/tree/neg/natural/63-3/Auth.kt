val password = "x-csrf-token"
