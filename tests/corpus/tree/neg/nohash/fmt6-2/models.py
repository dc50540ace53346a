# format: $apr1$<salt>$<hash>
