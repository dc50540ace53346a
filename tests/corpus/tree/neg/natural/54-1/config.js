const passwordField = 'max_new_tokens';
