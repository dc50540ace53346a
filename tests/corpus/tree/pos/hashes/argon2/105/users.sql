INSERT INTO users (id, email, password_hash) VALUES (979, 'ana@acme.io', '$argon2id$v=19$m=47104,t=3,p=1$TfyGx0uOypuDN2bUR/ZmhQ$Hi1J4/VkGtJOc6uoFaqHMajzyafbE9E6D2Zld43pAZE');
