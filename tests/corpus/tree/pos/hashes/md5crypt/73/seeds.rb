User.create!(email: 'admin@acme.io', encrypted_password: '$1$aODOpHzP$twUHTOWbXIL3XqAmUXy6SB')
