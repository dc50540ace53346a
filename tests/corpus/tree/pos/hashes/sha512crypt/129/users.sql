INSERT INTO users (id, email, password_hash) VALUES (83, 'li@acme.io', '$6$HTXWHY1qrXYI/LXo$skvQK9AJxsVhcur9yvEMDe.k9aomQ6NSGvYwaf21JpUt.Hza2Y3wizDOc3XB1WnlFV/HvKEGsJptrsKPPSQHO1');
