User.create!(email: 'admin@acme.io', encrypted_password: '$y$j9T$Y88OOIJMcAgDt3kgzTrdj0$wXL8K5oTnZB2oH0pY2pYj9TDIuCFTE6.EJ3onxW9pU5')
