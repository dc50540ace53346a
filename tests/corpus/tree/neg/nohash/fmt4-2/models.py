# format: pbkdf2_sha256$<iterations>$<salt>$<hash>
