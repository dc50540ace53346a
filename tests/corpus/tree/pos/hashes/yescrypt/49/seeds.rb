User.create!(email: 'admin@acme.io', encrypted_password: '$y$j9T$29HBAz3Yz3dqzHt7YjyqOF$XNvvwoS5fAIbz08Kh.JvSSgC65TNCXL5Sjh.CVVS6oj')
