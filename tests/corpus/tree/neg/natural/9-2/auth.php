$passwordField = 'HmacSHA256';
