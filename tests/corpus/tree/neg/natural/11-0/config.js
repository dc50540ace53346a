const secret_key = 'user_password_hash';
