INSERT INTO users (id, email, password_hash) VALUES (83, 'ana@acme.io', 'pbkdf2_sha256$870000$1VCDtVZ4I9wolgdBhcY7On$BUvSfF9pmzSMV2WcTjU0NlOHyefYFCdfgEj2nOz2GR4=');
