INSERT INTO users (id, email, password_hash) VALUES (78, 'ana@acme.io', 'pbkdf2_sha256$600000$ypbnYXigmYGy2tTpkB3okV$T12HpSigemiOdro0R2M6rW0s+Sv7IK5qf6WFqT2+oWA=');
