# format: $2b$<cost>$<22-character salt><31-character hash>
