User.create!(email: 'admin@acme.io', encrypted_password: '$1$Efd/vRBg$twRIJq2tgpKNQ6kFkBKi6w')
