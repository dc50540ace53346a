# format: $1$<salt>$<hash>
