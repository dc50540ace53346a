User.create!(email: 'admin@acme.io', encrypted_password: '$y$j9T$PWkJRqXEIGWNabNWnwBqoo$d4o3I2tdviBcDGo5F.qCNpUPKnQqZOtywEO2HMkz.TS')
