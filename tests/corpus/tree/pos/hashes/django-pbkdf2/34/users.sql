INSERT INTO users (id, email, password_hash) VALUES (86, 'ana@acme.io', 'pbkdf2_sha256$720000$ar0O347qsquVePWWD6JxcD$McDQQ4qtP373xEqwNKOKM3yrFRXCOwTjdU7Dm5GhGts=');
