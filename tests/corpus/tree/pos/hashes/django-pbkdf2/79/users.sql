INSERT INTO users (id, email, password_hash) VALUES (459, 'sam@acme.io', 'pbkdf2_sha256$720000$djY05bx6cisPtBU4L6aONM$sElC245uNM2G40TvADa0gkdVR6s7DkjjOtEG6F7ozdk=');
