INSERT INTO users (id, email, password_hash) VALUES (94, 'sam@acme.io', '$6$C0afmCiYjzEt96gx$ZOTu6CUxp.JdQVj1.jmB0l4exICDTn8ThR80LRZSYreOWcY7YAViDYoWnz.0cfTQ5VT6x26fqFIqMesYcXESjI');
