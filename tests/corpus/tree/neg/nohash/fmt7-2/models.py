# format: $y$<params>$<salt>$<hash>
