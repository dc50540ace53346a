INSERT INTO users (id, email, password_hash) VALUES (786, 'sam@acme.io', '$argon2id$v=19$m=19456,t=2,p=1$E8uDJ1PnXYGWMx+XcYnbrQ$a0GSeVuapHg5Tc/BRCQ4xcOkNWIkL/3e80XTpPQhepE');
