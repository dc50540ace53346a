# format: {SSHA}<base64 of digest and salt>
