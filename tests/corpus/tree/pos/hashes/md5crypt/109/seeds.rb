User.create!(email: 'admin@acme.io', encrypted_password: '$1$82LYoZN3$9S0dOb471YjPuvb0/.d.zg')
