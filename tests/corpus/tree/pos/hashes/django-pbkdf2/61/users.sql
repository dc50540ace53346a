INSERT INTO users (id, email, password_hash) VALUES (681, 'ana@acme.io', 'pbkdf2_sha256$870000$skogjmN4KGam2JAfobjAtq$QFhuWURmkC5y+Soc7PbpvFUMmRaAK5teOw1ELZADtmE=');
