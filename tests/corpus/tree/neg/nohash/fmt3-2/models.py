# format: $argon2id$v=19$m=65536,t=3,p=4$<salt>$<hash>
