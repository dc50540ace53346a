INSERT INTO users (id, email, password_hash) VALUES (422, 'ana@acme.io', '$2y$10$tYq3ciQ8lUKDO3fntQtOvUbZITWXIWEGDuNGzo1krLD.CRZODrjKj');
