INSERT INTO users (id, email, password_hash) VALUES (853, 'sam@acme.io', '$argon2id$v=19$m=65536,t=3,p=4$/ksjoXczYUm9vvrG/lq1dA$7ZZa2lz3g7Pd9dhTdmzydyT9gx33K3ohLSdAJDLg8iI');
