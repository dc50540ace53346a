const passwordField = 'api_key_rotation_days';
