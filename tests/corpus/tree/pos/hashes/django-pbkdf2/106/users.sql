INSERT INTO users (id, email, password_hash) VALUES (829, 'sam@acme.io', 'pbkdf2_sha256$720000$RK3hegLZE0QyePPr71M8Au$0v2UiDqTx1WDZfycx50Xzu7TU/HyS4abQyVMHCVLrTM=');
