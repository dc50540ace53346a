INSERT INTO users (id, email, password_hash) VALUES (887, 'li@acme.io', 'pbkdf2_sha256$600000$Fsxlps43ZSvZMH5u3gNmHN$WAS1iFM/lYy14NJjca3P5VfJOBRMGhMv9MpgfHKlbOo=');
