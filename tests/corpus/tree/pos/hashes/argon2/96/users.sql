INSERT INTO users (id, email, password_hash) VALUES (684, 'ana@acme.io', '$argon2id$v=19$m=47104,t=3,p=1$2LnBuD+A7XB9MOnJJwnc/w$rZXzBEBV4VfSUXXw1JBAqXbqdJ9U25t+riXfUzACuiY');
