INSERT INTO users (id, email, password_hash) VALUES (199, 'ana@acme.io', '$argon2id$v=19$m=65536,t=3,p=1$MpT2aiY6zGGcCmi2pa1YoA$52LPjlzssPKrdLU7r9HzyxYfaFXN2AtNrKvQdaHvOY4');
