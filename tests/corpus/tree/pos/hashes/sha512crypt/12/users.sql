INSERT INTO users (id, email, password_hash) VALUES (376, 'sam@acme.io', '$6$iKhEOjunucD.dhfj$eGYF/y/SUZxE.ko42bMmkLgxi8zvBy3dq8NQwxhnJ/IsSD.30eFkWPtZmyw8IniegfSE37Zci1R1pM9mkrjYy7');
