INSERT INTO users (id, email, password_hash) VALUES (48, 'li@acme.io', 'pbkdf2_sha256$720000$ce5imLUmnGdRs0H9IoZbDv$sNzvdwQNshC23c32yYvac8ed6qseoS7TQCG44Tjr1xk=');
