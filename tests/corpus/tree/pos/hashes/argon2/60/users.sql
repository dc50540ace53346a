INSERT INTO users (id, email, password_hash) VALUES (532, 'ana@acme.io', '$argon2id$v=19$m=47104,t=3,p=4$i6qs6+StVElwUqj5lYmQZA$Y8ymL6yjJsYUjQSpBIw3TvrtcyrcFMnwsgsvPZ3yjZ8');
