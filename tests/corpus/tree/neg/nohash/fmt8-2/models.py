# format: $5$rounds=<N>$<salt>$<hash>
