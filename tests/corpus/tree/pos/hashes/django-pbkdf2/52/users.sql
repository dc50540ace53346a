INSERT INTO users (id, email, password_hash) VALUES (266, 'li@acme.io', 'pbkdf2_sha256$720000$bkB1ULAhCLr5e5gsUEszrH$v0r2rwl9GeIgpQk9yfRdqzyRsxP6e22Ypoxd/230DnM=');
