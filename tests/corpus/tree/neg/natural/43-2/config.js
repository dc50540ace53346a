const SECRET_NAME = 'pbkdf2_sha256';
