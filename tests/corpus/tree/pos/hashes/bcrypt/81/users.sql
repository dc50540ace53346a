INSERT INTO users (id, email, password_hash) VALUES (201, 'li@acme.io', '$2b$10$I1jQuxO5DC/OLdOetWemM40OUkkoSzGT71ZjsljwZSUmeaP/ObH0E');
