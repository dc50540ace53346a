INSERT INTO users (id, email, password_hash) VALUES (396, 'ana@acme.io', 'pbkdf2_sha256$600000$epBAO4q0qXEhjN43KFpk8f$DgAgupmjdxubrf/wgLLhY5G9Rn5jkR2BMuFou7wMmZs=');
