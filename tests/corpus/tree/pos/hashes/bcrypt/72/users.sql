INSERT INTO users (id, email, password_hash) VALUES (95, 'sam@acme.io', '$2a$12$ElrxGqMkVUlKqAg2/u8YQoJpc3v16a7fwOOewonGtWHE1HIn67CSU');
