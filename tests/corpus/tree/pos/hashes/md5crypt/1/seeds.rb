User.create!(email: 'admin@acme.io', encrypted_password: '$1$QcJFNmad$HCLFWOGI.r.zXfZLNgWt.4')
