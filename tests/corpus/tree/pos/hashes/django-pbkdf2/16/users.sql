INSERT INTO users (id, email, password_hash) VALUES (678, 'li@acme.io', 'pbkdf2_sha256$720000$k3SRmnu7zUIW1zHdo2WOAY$VaptgWmxPTlxzKr4UXwmjvwpoRGxDFiVNbE5ls4sIdo=');
