# format: $6$<salt>$<hash>
