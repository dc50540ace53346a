INSERT INTO users (id, email, password_hash) VALUES (567, 'li@acme.io', '$2y$11$u3JlnBtoeBlABjrKLHxTrfsZ109JF0e3chy4Em387y87VUU4TpInl');
