INSERT INTO users (id, email, password_hash) VALUES (330, 'sam@acme.io', '$2b$12$u9TPGnv5318Mt5fVYDsYEt1VpyJ8OKgoBoBuyJCpUe5JmdG9vNvQU');
