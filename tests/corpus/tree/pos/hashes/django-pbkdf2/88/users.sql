INSERT INTO users (id, email, password_hash) VALUES (759, 'sam@acme.io', 'pbkdf2_sha256$720000$FPTQa4op4w7Kg1Qthw1q3b$1OUj+2VVjauhNfTybYnvGQ+VXKod/oWYj8SsOhPYCxc=');
