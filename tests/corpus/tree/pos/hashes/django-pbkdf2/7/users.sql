INSERT INTO users (id, email, password_hash) VALUES (793, 'sam@acme.io', 'pbkdf2_sha256$720000$hMbQBihjsFckIh5S1kO76r$dAKi2gRXCL2a0cAy3dypzcdsSqECJPSM8310ObjYbf8=');
