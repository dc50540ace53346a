# format: $id$salt$hashed
