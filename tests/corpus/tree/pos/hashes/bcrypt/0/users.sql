INSERT INTO users (id, email, password_hash) VALUES (278, 'li@acme.io', '$2a$12$06VzqhXRHm/8GprHmchNrTO6ValxqdIfFU5zXRq34saxfsBAOSM53');
