$secret_key = 'ValidatePasswordStrength';
