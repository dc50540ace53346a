INSERT INTO users (id, email, password_hash) VALUES (151, 'ana@acme.io', 'pbkdf2_sha256$870000$WopGCM9fqRfw6EBQ8ohn7M$r3meTsK0gSwym5wpxg2moSMLjDsboq7ICen4JfJjmu8=');
